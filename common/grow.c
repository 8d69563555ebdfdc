#include "common/grow.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int stance_grow(void *array, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return -1;
        n *= 2;
    }
    if (elem_size && n > SIZE_MAX / elem_size)
        return -1;
    /* the array's pointer is read and written as bytes: it may be any
     * object pointer type (POSIX gives them all void *'s representation) */
    void *old, *grown;
    memcpy(&old, array, sizeof old);
    if (!(grown = realloc(old, n * elem_size)))
        return -1;
    memcpy(array, &grown, sizeof grown);
    *cap = n;
    return 0;
}

int stance_buf_append(stance_buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->len - 1 || stance_grow(&b->data, &b->cap, b->len + n + 1, 1) != 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int stance_buf_puts(stance_buf *b, const char *s)
{
    return stance_buf_append(b, s, strlen(s));
}

int stance_buf_putc(stance_buf *b, char c)
{
    return stance_buf_append(b, &c, 1);
}

int stance_buf_printf(stance_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return stance_buf_append(b, small, (size_t)n);
    if (stance_grow(&b->data, &b->cap, b->len + (size_t)n + 1, 1) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void stance_buf_clear(stance_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void stance_buf_free(stance_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
