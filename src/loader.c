#include "dlfl/loader.h"
