import type { DocumentKind } from '../documentKind';
import type { Fix, TextEdit } from '../finding';

/** Edits to a file other than the finding's own (a module's `variables.tf`, `.env.example`). */
export interface FileEdits {
  /** Workspace-relative POSIX path, like `Finding.file`. */
  file: string;
  edits: TextEdit[];
  /** The file does not exist yet: create it with the edits' text. */
  create?: boolean;
}

/** A fix as pure data: edits to the finding's file plus, optionally, edits to other files. */
export interface WorkspaceFix extends Fix {
  files?: FileEdits[];
  /** The same edit shape applies to every finding of the rule in the file ("Fix all of RULE in file"). */
  mechanical?: boolean;
}

export interface SiblingDocument {
  file: string;
  text: string;
}

/** Everything a fix builder may look at. Gathered by the caller (editor or CLI); builders do no I/O. */
export interface FixContext {
  /** The finding's file (workspace-relative) and its current text. */
  file: string;
  text: string;
  kind: DocumentKind;
  /** The other files of the IaC unit (a Terraform module's sibling `.tf` files). */
  siblings?: readonly SiblingDocument[];
  /** Bedrock model ids and ARNs the workspace's source code uses (see `extractModelIds`). */
  modelIds?: readonly string[];
  /** The `.env.example` the variable should be added to: its text when it exists, else where to create it. */
  envExample?: { file: string; text?: string };
}
