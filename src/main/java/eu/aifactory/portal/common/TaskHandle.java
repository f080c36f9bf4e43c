package eu.aifactory.portal.common;

/** A piece of background or delayed work that can be called off; a cancelled task never calls back. */
public interface TaskHandle {

    TaskHandle NONE = () -> { };

    void cancel();
}
