/** A failure the reader must notice (announced at once), or nothing. */
export function Alert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A confirmation (announced politely), or nothing. */
export function Notice({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="notice" role="status">
      {message}
    </p>
  ) : null;
}
