/*
 * cmdline.h - split a Linux-style command line into param[=value] words.
 *
 * Pure string code, no kernel dependencies: host unit tests drive it with
 * hostile input (unbalanced quotes, empty values, very long words).
 */
#ifndef RXOS_LIB_CMDLINE_H
#define RXOS_LIB_CMDLINE_H

/*
 * Take the next word off `args` (modified in place). *param gets its name,
 * *val the text after the first '=' (NULL when there is no '='). Double
 * quotes group spaces: `a="x y"` and `"a=x y"` both give a / x y; the quotes
 * are removed. An unbalanced quote runs to the end of the line.
 * Returns the rest of the line (skipping spaces), never NULL.
 * Linux: next_arg() in kernel/params.c.
 */
char *next_arg(char *args, char **param, char **val);

#endif
