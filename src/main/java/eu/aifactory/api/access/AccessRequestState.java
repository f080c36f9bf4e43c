package eu.aifactory.api.access;

/** Where an access request stands; EXPIRED is an undecided request past its deadline. */
public enum AccessRequestState {
    PENDING, APPROVED, DENIED, EXPIRED
}
