/**
 * The emulated directory's contacts, in memory, optionally persisted to a
 * JSON file (written atomically: a temp file renamed over the old one).
 */
import { readFileSync } from 'node:fs';
import { chmod, rename, writeFile } from 'node:fs/promises';
import type { ApiContact } from '../judge/schema.js';
import { FILE_MODE } from '../own-files.js';

export type ContactStatus = 'Verifying' | 'Active' | 'Deleting';

/** A contact as the directory holds it: the API's fields and the service's bookkeeping. */
export interface StoredContact extends ApiContact {
  ContactId: string;
  Status: ContactStatus;
  CreateDate: string;
  AssociatedDate?: string;
  ModifyDate?: string;
  /** Email and phone values still waiting for verification. */
  pending: string[];
  /** Values before an update still pending verification, for CancelMessageContactUpdate. */
  previous?: { EmailAddress?: string; PhoneNumber?: string };
  /** When an asynchronous deletion completes (ms since epoch). */
  deleteAt?: number;
}

interface StateFile {
  version: 1;
  nextId: number;
  contacts: StoredContact[];
}

/** `yyyy-MM-dd HH:mm:ss`, no zone marker, as the API writes dates. */
export function apiDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export class DirectoryState {
  private contacts = new Map<string, StoredContact>();
  private nextId = 1;

  constructor(private readonly file?: string) {
    if (file) this.load(file);
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // a new state file
      throw error;
    }
    const saved = JSON.parse(text) as StateFile;
    if (saved.version !== 1) throw new Error(`${file}: unknown state file version ${String(saved.version)}`);
    this.nextId = saved.nextId;
    for (const contact of saved.contacts) this.contacts.set(contact.ContactId, contact);
  }

  async save(): Promise<void> {
    if (!this.file) return;
    const state: StateFile = { version: 1, nextId: this.nextId, contacts: [...this.contacts.values()] };
    const temporary = `${this.file}.${process.pid}.tmp`;
    // Contact details: the user's alone, like the report (0600; chmod too, for a temporary file a crash left with another mode).
    await writeFile(temporary, JSON.stringify(state, null, 2) + '\n', { mode: FILE_MODE });
    await chmod(temporary, FILE_MODE);
    await rename(temporary, this.file);
  }

  /** Contacts in creation order, after finishing deletions that are due. */
  all(now = Date.now()): StoredContact[] {
    for (const contact of this.contacts.values()) {
      if (contact.deleteAt !== undefined && contact.deleteAt <= now) this.contacts.delete(contact.ContactId);
    }
    return [...this.contacts.values()];
  }

  get(contactId: string, now = Date.now()): StoredContact | undefined {
    return this.all(now).find((c) => c.ContactId === contactId);
  }

  byName(name: string): StoredContact | undefined {
    const key = name.toLowerCase();
    return this.all().find((c) => c.Name.toLowerCase() === key);
  }

  count(): number {
    return this.all().length;
  }

  /** A new id shaped like the service's: `c-` and 16 letters and digits. */
  newId(): string {
    return `c-emu${(this.nextId++).toString(36).padStart(13, '0')}`;
  }

  put(contact: StoredContact): void {
    this.contacts.set(contact.ContactId, contact);
  }

  remove(contactId: string): void {
    this.contacts.delete(contactId);
  }

  clear(): void {
    this.contacts.clear();
  }
}
