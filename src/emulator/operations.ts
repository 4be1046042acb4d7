/**
 * The twelve message-contact operations of ResourceDirectoryMaster 2022-04-19,
 * as pure-ish functions of (parameters, directory state). Parameter rules come
 * from the same rule table the validator uses (judge/schema.ts), so the dry
 * run and the emulated service cannot disagree.
 */
import { checkContact } from '../judge/schema.js';
import { checkPhone, isMemberId, type Site } from '../judge/rules.js';
import { ApiError } from './errors.js';
import { AssociateMembers, DisassociateMembers } from './member-operations.js';
import { findContact, listParam, notDeleting, required, type Operation, type OperationContext, type Params, type ResponseBody } from './operation.js';
import { apiDate, type StoredContact } from './state.js';

/** The contact as the API shows it (internal bookkeeping left out). */
function publicView(contact: StoredContact): ResponseBody {
  const { pending: _pending, previous: _previous, deleteAt: _deleteAt, ...shown } = contact;
  return shown;
}

function paging(params: Params): { pageNumber: number; pageSize: number } {
  const pageNumber = params.PageNumber === undefined ? 1 : Number(params.PageNumber);
  const pageSize = params.PageSize === undefined ? 10 : Number(params.PageSize);
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new ApiError('InvalidParameter.PageNumber', 'PageNumber starts at 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new ApiError('InvalidParameter.PageSize', 'PageSize is 1 to 100.');
  }
  return { pageNumber, pageSize };
}

function page<T>(items: T[], params: Params): { TotalCount: number; PageNumber: number; PageSize: number; items: T[] } {
  const { pageNumber, pageSize } = paging(params);
  const start = (pageNumber - 1) * pageSize;
  return { TotalCount: items.length, PageNumber: pageNumber, PageSize: pageSize, items: items.slice(start, start + pageSize) };
}

/** The first broken rule of the given fields, as the service would answer it: in English, whatever language the CLI speaks. */
function judge(input: Parameters<typeof checkContact>[0], site: Site): void {
  const verdict = checkContact(input, site, 'en');
  if (!verdict.ok) {
    const first = verdict.issues[0]!;
    throw new ApiError(first.code, first.detail.startsWith('"') ? `${first.field}: ${first.detail}` : undefined);
  }
}

function markPending(contact: StoredContact, values: (string | undefined)[], context: OperationContext): void {
  contact.pending = [...new Set([...contact.pending, ...values.filter((v): v is string => !!v)])];
  if (context.autoVerify) verify(contact);
  else if (contact.pending.length > 0) contact.Status = 'Verifying';
}

/** Every pending address confirmed: the contact takes effect. */
export function verify(contact: StoredContact): void {
  contact.pending = [];
  delete contact.previous;
  if (contact.Status === 'Verifying') contact.Status = 'Active';
}

/** PhoneNumber is optional, but sent empty it is missing rather than absent. */
function phoneGivenEmpty(params: Params): void {
  if (params.PhoneNumber === '') throw new ApiError('MissingParameter.PhoneNumber');
}

const AddMessageContact: Operation = (params, context) => {
  phoneGivenEmpty(params);
  const input = {
    Name: params.Name,
    EmailAddress: params.EmailAddress,
    PhoneNumber: params.PhoneNumber,
    Title: params.Title,
    MessageTypes: listParam(params, 'MessageTypes'),
  };
  judge(input, context.site);
  const { state } = context;
  if (state.byName(input.Name!)) throw new ApiError('InvalidParameter.Name.AlreadyUsed');
  if (state.count() >= context.contactLimit) throw new ApiError('LimitExceeded.Contacts');
  const contact: StoredContact = {
    ContactId: state.newId(),
    Name: input.Name!,
    EmailAddress: input.EmailAddress!,
    ...(input.PhoneNumber ? { PhoneNumber: input.PhoneNumber } : {}),
    Title: input.Title as StoredContact['Title'],
    MessageTypes: input.MessageTypes as StoredContact['MessageTypes'],
    Members: [],
    Status: 'Verifying',
    CreateDate: apiDate(context.now),
    pending: [],
  };
  markPending(contact, [contact.EmailAddress, contact.PhoneNumber], context);
  state.put(contact);
  return { Contact: { ContactId: contact.ContactId, CreateDate: contact.CreateDate } };
};

const ListMessageContacts: Operation = (params, context) => {
  let contacts = context.state.all(context.now.getTime());
  if (params.ContactId !== undefined) {
    contacts = contacts.filter((c) => c.ContactId === params.ContactId);
    if (contacts.length === 0) throw new ApiError('EntityNotExists.Contact', `ContactId: ${params.ContactId}`);
  }
  if (params.Member !== undefined) {
    if (!isMemberId(params.Member)) throw new ApiError('InvalidParameter.Member');
    contacts = contacts.filter((c) => c.Members.includes(params.Member!));
  }
  const { items, ...counts } = page(contacts, params);
  return { ...counts, Contacts: items.map(publicView) };
};

const GetMessageContact: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  return { Contact: publicView(contact) };
};

const UpdateMessageContact: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  notDeleting(contact);
  phoneGivenEmpty(params);
  const messageTypes = listParam(params, 'MessageTypes');
  // Only the fields sent are judged; the others keep their (valid) values.
  judge(
    {
      Name: params.Name ?? contact.Name,
      EmailAddress: params.EmailAddress ?? contact.EmailAddress,
      PhoneNumber: params.PhoneNumber ?? contact.PhoneNumber,
      Title: params.Title ?? contact.Title,
      MessageTypes: messageTypes ?? contact.MessageTypes,
    },
    context.site,
  );
  if (params.Name !== undefined && params.Name.toLowerCase() !== contact.Name.toLowerCase() && context.state.byName(params.Name)) {
    throw new ApiError('InvalidParameter.Name.AlreadyUsed');
  }
  const changedEmail = params.EmailAddress !== undefined && params.EmailAddress !== contact.EmailAddress;
  const changedPhone = params.PhoneNumber !== undefined && params.PhoneNumber !== contact.PhoneNumber;
  if (changedEmail || changedPhone) {
    contact.previous = {
      ...(changedEmail ? { EmailAddress: contact.EmailAddress } : {}),
      ...(changedPhone ? { PhoneNumber: contact.PhoneNumber ?? '' } : {}),
      ...contact.previous,
    };
  }
  if (params.Name !== undefined) contact.Name = params.Name;
  if (params.EmailAddress !== undefined) contact.EmailAddress = params.EmailAddress;
  if (params.PhoneNumber !== undefined) contact.PhoneNumber = params.PhoneNumber;
  if (params.Title !== undefined) contact.Title = params.Title as StoredContact['Title'];
  if (messageTypes) contact.MessageTypes = messageTypes as StoredContact['MessageTypes'];
  contact.ModifyDate = apiDate(context.now);
  markPending(contact, [changedEmail ? contact.EmailAddress : undefined, changedPhone ? contact.PhoneNumber : undefined], context);
  return {};
};

const DeleteMessageContact: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  notDeleting(contact);
  const retain = params.RetainContactInMembers ?? 'true';
  if (retain !== 'true' && retain !== 'false') throw new ApiError('InvalidParameter.RetainContactInMembers');
  if (retain === 'true') {
    context.state.remove(contact.ContactId);
    return { Status: 'Deleted' };
  }
  // Removing the contact from every member takes a while: the service answers at once and works on.
  contact.Status = 'Deleting';
  contact.deleteAt = context.now.getTime() + context.deletionDelayMs;
  return { Status: 'Deleting' };
};

const CancelMessageContactUpdate: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  const previous = contact.previous ?? {};
  for (const field of ['EmailAddress', 'PhoneNumber'] as const) {
    const value = params[field];
    if (value === undefined) continue;
    if (!contact.pending.includes(value) || previous[field] === undefined) {
      throw new ApiError('ContactStatusMismatchAction', `no pending ${field} change to ${value}`);
    }
    contact.pending = contact.pending.filter((v) => v !== value);
    if (field === 'PhoneNumber' && previous.PhoneNumber === '') delete contact.PhoneNumber;
    else contact[field] = previous[field]!;
    delete previous[field];
  }
  if (contact.pending.length === 0) verify(contact);
  return {};
};

const GetMessageContactDeletionStatus: Operation = (params, context) => {
  const contact = findContact(context, required(params, 'ContactId'));
  if (contact.Status !== 'Deleting') throw new ApiError('EntityNotExists.Contact', 'No deletion is in progress for this contact.');
  return { ContactDeletionStatus: { ContactId: contact.ContactId, Status: 'Deleting', FailReasonList: [] } };
};

function sendVerification(field: 'EmailAddress' | 'PhoneNumber'): Operation {
  return (params, context) => {
    const contact = findContact(context, required(params, 'ContactId'));
    const target = required(params, field);
    if (field === 'PhoneNumber') {
      const problem = checkPhone(target, 'en')[0];
      if (problem) throw new ApiError(problem.code);
    }
    if (!contact.pending.includes(target)) throw new ApiError('EntityNotExists.Contact.Verification', `${field}: ${target}`);
    if (context.verificationsLeft.count <= 0) throw new ApiError('SendValidateCodeExceedsLimitForAccount');
    context.verificationsLeft.count--;
    return {};
  };
}

const ListMessageContactVerifications: Operation = (params, context) => {
  let contacts = context.state.all(context.now.getTime());
  if (params.ContactId !== undefined) contacts = [findContact(context, params.ContactId)];
  const pending = contacts.flatMap((c) => c.pending.map((Target) => ({ ContactId: c.ContactId, Target })));
  const { items, ...counts } = page(pending, params);
  return { ...counts, ContactVerifications: items };
};

export const OPERATIONS: Record<string, Operation> = {
  AddMessageContact,
  ListMessageContacts,
  GetMessageContact,
  UpdateMessageContact,
  DeleteMessageContact,
  CancelMessageContactUpdate,
  GetMessageContactDeletionStatus,
  SendEmailVerificationForMessageContact: sendVerification('EmailAddress'),
  SendPhoneVerificationForMessageContact: sendVerification('PhoneNumber'),
  AssociateMembers,
  DisassociateMembers,
  ListMessageContactVerifications,
};

/** Operations that change the directory (the state file is saved after them). */
export const WRITES = new Set(Object.keys(OPERATIONS).filter((name) => !/^(List|Get)/.test(name)));
