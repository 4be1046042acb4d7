/**
 * The emulator's admin endpoints under /_emulator/, for tests, rehearsals and
 * the demo: never on the signed API path.
 */
import { requestUrl, send, type Handler } from './http.js';
import { verify } from './operations.js';
import type { RequestLogEntry } from './options.js';
import { apiDate, type DirectoryState, type StoredContact } from './state.js';

export interface AdminContext {
  state: DirectoryState;
  requests: RequestLogEntry[];
  status(): Record<string, unknown>;
  /** Empties the directory and the request log, and forgets nonces and the verifications sent. */
  reset(): void;
  freeze(ms: number): void;
}

/** The HTTP side of the admin endpoints: a JSON body in (if any), a JSON answer out. */
export function adminHandler(admin: AdminContext): Handler {
  return async (request, response, body) => {
    const route = `${request.method} ${requestUrl(request).pathname}`;
    const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const answer = await answerAdmin(route, input, admin);
    send(response, answer.status, answer.body);
  };
}

async function answerAdmin(route: string, input: Record<string, unknown>, admin: AdminContext): Promise<{ status: number; body: unknown }> {
  const { state } = admin;
  switch (route) {
    case 'GET /_emulator/contacts':
      return { status: 200, body: { contacts: state.all() } };
    case 'GET /_emulator/requests':
      return { status: 200, body: { requests: admin.requests } };
    case 'GET /_emulator/status':
      return { status: 200, body: admin.status() };
    case 'POST /_emulator/freeze': {
      // Node runs a longer timer after 1 ms.
      const ms = Number(input.ms);
      if (!(ms >= 0 && ms <= 2 ** 31 - 1)) return { status: 400, body: { error: 'freeze takes {"ms": N}, 0 to 2147483647 milliseconds' } };
      admin.freeze(ms);
      return { status: 200, body: { ok: true } };
    }
    case 'POST /_emulator/reset':
      admin.reset();
      await state.save();
      return { status: 200, body: { ok: true } };
    case 'POST /_emulator/preload': {
      const added = ((input.contacts as Partial<StoredContact>[] | undefined) ?? []).map((c) => preload(state, c));
      await state.save();
      return { status: 200, body: { contacts: added } };
    }
    case 'POST /_emulator/verify': {
      const id = input.ContactId as string | undefined;
      const targets = state.all().filter((c) => id === undefined || c.ContactId === id);
      targets.forEach(verify);
      await state.save();
      return { status: 200, body: { verified: targets.map((c) => c.ContactId) } };
    }
    default:
      return { status: 404, body: { error: `no admin endpoint ${route}` } };
  }
}

/** A contact put straight into the directory (tests, rehearsals): Active unless told otherwise. */
function preload(state: DirectoryState, contact: Partial<StoredContact>): StoredContact {
  const stored: StoredContact = {
    ContactId: contact.ContactId ?? state.newId(),
    Name: contact.Name ?? 'Preloaded',
    EmailAddress: contact.EmailAddress ?? 'preloaded@example.com',
    ...(contact.PhoneNumber ? { PhoneNumber: contact.PhoneNumber } : {}),
    Title: contact.Title ?? 'Other',
    MessageTypes: contact.MessageTypes ?? ['ServiceMessage'],
    Members: contact.Members ?? [],
    Status: contact.Status ?? 'Active',
    CreateDate: contact.CreateDate ?? apiDate(new Date()),
    pending: contact.pending ?? [],
  };
  state.put(stored);
  return stored;
}
