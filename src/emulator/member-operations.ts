/**
 * Binding a contact to member accounts and unbinding it: AssociateMembers and
 * DisassociateMembers, with the member-list rules both share.
 */
import { isMemberId, LIMITS } from '../judge/rules.js';
import { ApiError } from './errors.js';
import { findContact, listParam, notDeleting, required, type Operation, type OperationContext, type Params, type ResponseBody } from './operation.js';
import { apiDate, type StoredContact } from './state.js';

function memberList(params: Params, context: OperationContext, { max }: { max: number }): string[] {
  const members = listParam(params, 'Members');
  if (!members) throw new ApiError('MissingParameter.Members');
  if (members.length > max) throw new ApiError('InvalidParameter.Members.Length', `at most ${max} per call`);
  if (new Set(members).size !== members.length) throw new ApiError('InvalidParameter.Members.Duplicate');
  for (const id of members) {
    if (!isMemberId(id)) throw new ApiError('InvalidParameter.Members', `Members: ${id}`);
    if (context.members && !context.members.has(id)) throw new ApiError('InvalidMember', `Members: ${id}`);
  }
  return members;
}

function boundMembers(contact: StoredContact, members: string[], context: OperationContext): ResponseBody {
  const ModifyDate = apiDate(context.now);
  return { Members: members.map((MemberId) => ({ ContactId: contact.ContactId, MemberId, ModifyDate })) };
}

export const AssociateMembers: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  const members = memberList(params, context, { max: LIMITS.membersPerCall });
  notDeleting(contact);
  const bound = [...new Set([...contact.Members, ...members])];
  if (bound.length > LIMITS.membersPerContact) throw new ApiError('LimitExceeded.ContactMembers');
  contact.Members = bound;
  contact.AssociatedDate = apiDate(context.now);
  return boundMembers(contact, members, context);
};

export const DisassociateMembers: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  const members = memberList(params, context, { max: LIMITS.membersPerCall });
  notDeleting(contact);
  contact.Members = contact.Members.filter((id) => !members.includes(id));
  return boundMembers(contact, members, context);
};

