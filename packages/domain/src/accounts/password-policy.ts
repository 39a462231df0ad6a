/**
 * The password rule of 等保 2.0 habits: at least 10 characters from at least three of the
 * four classes (upper case, lower case, digits, symbols), and not the user name.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_HISTORY_DEPTH = 5;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`长度至少 ${PASSWORD_MIN_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  if (classes.length < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('不能包含用户名');
  }
  return problems;
}
