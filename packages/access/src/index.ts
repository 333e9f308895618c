export { fullAccess, type AccessPolicy, type Actor, type RecordAction, type RecordTables, type RowAction } from './access-policy';
export { compilePolicy, type Principal } from './compile-policy';
export { createFieldCipher, isSealed, maskValue, type FieldCipher } from './field-cipher';
export { objectAccess, RECORD_ACTIONS, type ObjectAccess } from './object-access';
