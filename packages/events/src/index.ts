export { createEventDispatcher, type DispatcherOptions, EVENTS_CHANNEL, type EventDispatcher } from './dispatcher';
export type { ChangeSource, FieldChange, RecordEvent, RecordOperation } from './record-event';
export { sequenceEvents } from './sequencer';
export { type EventSubscriber, registerSubscriber, retireSubscriber, type SubscriberProgress, subscriberProgress } from './subscription';
