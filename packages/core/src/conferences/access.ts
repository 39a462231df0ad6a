import type { Role } from '@lianxi/domain';

/** Who opens a conference below their own. */
export const TREE_BUILDERS: readonly Role[] = ['admin'];
/** Who reads the tree below their own conference. */
export const TREE_READERS: readonly Role[] = ['admin', 'office', 'supervisor', 'leader'];
