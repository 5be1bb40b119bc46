package camnang.markdown;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/** flexmark asks each extension part what it must run before or after; ours depend on nothing. */
abstract class Independent implements Dependent {
    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
