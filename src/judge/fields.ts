/** The columns a contact sheet can have, named as the API names its parameters. */

export const FIELDS = ['Name', 'EmailAddress', 'PhoneNumber', 'Title', 'MessageTypes', 'Members'] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = ['Name', 'EmailAddress', 'Title', 'MessageTypes'];

/**
 * Header texts accepted for each column (compared ignoring case, spaces, `_` and `-`; see read/header.ts),
 * Chinese ones in simplified and in traditional characters (Big5 sheets from Taiwan and Hong Kong).
 * Not for people: they are read on input and never change with the language.
 */
export const HEADER_ALIASES: Record<Field, readonly string[]> = {
  Name: ['name', 'contact name', '姓名', '名称', '联系人', '名稱', '聯絡人'],
  EmailAddress: ['email', 'email address', 'e-mail', 'mail', '邮箱', '电子邮箱', '邮件地址', '電子郵件', '電郵', '郵箱', '電子郵箱'],
  PhoneNumber: ['phone', 'phone number', 'mobile', '手机', '手机号', '手机号码', '电话', '手機', '手機號碼', '電話'],
  Title: ['title', 'job title', 'position', 'role', '职位', '职务', '職位', '職務'],
  MessageTypes: ['message types', 'messages', 'types', '消息类型', '訊息類型', '消息類型'],
  Members: ['members', 'bind to', '绑定对象', '綁定對象'],
};
