#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
