export { type AccessPolicy, type Actor, fullAccess, type RecordAction, type RecordTables, type RowAction } from './access-policy';
export { compilePolicy, type Principal } from './compile-policy';
export { createFieldCipher, type FieldCipher, isSealed, maskValue } from './field-cipher';
export { type ObjectAccess, objectAccess, RECORD_ACTIONS } from './object-access';
export { rolePreviewPolicy } from './role-preview';
