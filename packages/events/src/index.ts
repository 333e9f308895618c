export { createEventDispatcher, EVENTS_CHANNEL, type DispatcherOptions, type EventDispatcher } from './dispatcher';
export { registerSubscriber, retireSubscriber, subscriberProgress, type EventSubscriber, type SubscriberProgress } from './subscription';
export { sequenceEvents } from './sequencer';
export type { ChangeSource, FieldChange, RecordEvent, RecordOperation } from './record-event';
