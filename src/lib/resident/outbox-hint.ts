/**
 * A hint, kept in localStorage beside the outbox, that something is waiting to send. Pages that do
 * not show the outbox load Dexie only when it is set, which keeps a resident's first visit light.
 * It is only a hint: the outbox itself is the truth, and the sender clears the hint when it is empty.
 */
export const waitingHintKey = 'cymorth.outbox.waiting';
