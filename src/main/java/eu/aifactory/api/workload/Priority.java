package eu.aifactory.api.workload;

/** Queue priority; higher runs first when GPUs are scarce. */
public enum Priority {
    LOW, NORMAL, HIGH
}
