export { fullAccess, type AccessPolicy, type Actor, type RecordAction, type RecordTables } from './access-policy';
