export function StatusLine({ message }: { message: { text: string; error: boolean } | null }) {
  if (!message) return null;
  return message.error ? (
    <p role="alert" className="error">
      {message.text}
    </p>
  ) : (
    <p role="status" className="ok">
      {message.text}
    </p>
  );
}
