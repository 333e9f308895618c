export const FORMAT_NAMES = ['cn-mobile', 'cn-landline', 'cn-phone', 'email', 'url', 'cn-uscc', 'cn-resident-id'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
