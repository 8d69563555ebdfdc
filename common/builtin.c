/* Access to the data built into the program. The table is generated at build
 * time (builtin_data.c in the build folder, linked into `stance` only), which
 * defines builtin_files(); the library and the bootstrap program get the
 * weak definition below, an empty table. A function rather than a weak array,
 * so that no bounds are known to the compiler or the sanitizers. */
#include <string.h>

#include "stance.h"

const stance_builtin_file *stance_builtin_files_table(void);

__attribute__((weak)) const stance_builtin_file *stance_builtin_files_table(void)
{
    static const stance_builtin_file none[] = {{NULL, NULL, 0}};
    return none;
}

size_t stance_builtin_list(const stance_builtin_file **files)
{
    const stance_builtin_file *table = stance_builtin_files_table();
    size_t n = 0;
    while (table[n].name)
        n++;
    *files = table;
    return n;
}

const stance_builtin_file *stance_builtin_find(const char *name)
{
    for (const stance_builtin_file *f = stance_builtin_files_table(); f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* The generated table is written in assembler as three machine words an
 * entry (see CMakeLists.txt); this keeps the two layouts in step. */
_Static_assert(sizeof(stance_builtin_file) == 3 * sizeof(void *) && sizeof(size_t) == sizeof(void *),
               "stance_builtin_file must be three machine words");
