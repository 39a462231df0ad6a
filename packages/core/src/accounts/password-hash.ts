import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifying against a throw-away hash when the user does not exist makes an unknown user
 * cost the same time as a wrong password, so timing does not tell them apart.
 */
export const dummyHash = () => {
  dummy ??= hashPassword('no such user: timing equaliser');
  return dummy;
};
