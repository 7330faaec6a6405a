import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Row types of the tables added for intake (the public portal: drafts, the
 * outbox, one-time codes and links, tracking locks, attachments; migration
 * `20261124T030000-intake`). Each is added to `Database` through `IntakeTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type JourneyCode = 'complaint' | 'young-person' | 'advocate-complaint' | 'compliment' | 'enquiry' | 'foi';

export interface DraftsTable {
  id: Generated<string>;
  council_id: string;
  journey: JourneyCode;
  token_hash: string;
  answers: Json<Record<string, Record<string, unknown>>>;
  idempotency_key: string;
  language: Generated<'en' | 'cy'>;
  advocate_user_id: string | null;
  case_id: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  council_id: string;
  case_id: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  payload: Json<Record<string, unknown>>;
  idempotency_key: string;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface AccessCodesTable {
  id: Generated<string>;
  council_id: string;
  purpose: 'track_code' | 'track_link' | 'advocate_link';
  case_id: string | null;
  user_id: string | null;
  secret_hash: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: Timestamp;
}

export interface TrackingLocksTable {
  council_id: string;
  case_id: string;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  updated_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  council_id: string;
  case_id: string | null;
  draft_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  source: 'submission' | 'tracking';
  created_at: Timestamp;
}

export interface AttachmentContentsTable {
  attachment_id: string;
  council_id: string;
  content: Uint8Array;
}

export interface IntakeTables {
  drafts: DraftsTable;
  outbox_messages: OutboxMessagesTable;
  access_codes: AccessCodesTable;
  tracking_locks: TrackingLocksTable;
  attachments: AttachmentsTable;
  attachment_contents: AttachmentContentsTable;
}

export type OutboxMessageRow = Selectable<OutboxMessagesTable>;
