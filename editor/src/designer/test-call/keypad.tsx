const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** A phone keypad: each key press sends one DTMF digit, as a caller's phone would. */
export function Keypad({ onKey, disabled }: { onKey: (digit: string) => void; disabled: boolean }) {
  return (
    <fieldset className="keypad" aria-label="DTMF keypad">
      {KEYS.map((key) => (
        <button
          type="button"
          key={key}
          disabled={disabled}
          onClick={() => onKey(key)}
          aria-label={`Key ${key}`}
        >
          {key}
        </button>
      ))}
    </fieldset>
  );
}
