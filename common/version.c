#include "stance.h"

const char *stance_version(void)
{
    return STANCE_VERSION_STRING;
}
