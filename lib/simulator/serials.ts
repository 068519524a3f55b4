import { DIGITS, type Rng, UPPER_ALNUM } from "./rng";

/** A hardware serial like `FDO222815Y4`: `FDO`, 4 digits, 4 letters or digits (§0.6). */
export function hardwareSerial(rng: Rng): string {
  return `FDO${rng.chars(DIGITS, 4)}${rng.chars(UPPER_ALNUM, 4)}`;
}

/** A virtual serial like `96QKIABBZ1H`: 11 letters or digits (§0.6). */
export function virtualSerial(rng: Rng): string {
  return rng.chars(UPPER_ALNUM, 11);
}
