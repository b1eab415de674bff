/* Placeholder until the text renderer lands. */
#include "dlfl/text.h"

void text_init(void)
{
}
