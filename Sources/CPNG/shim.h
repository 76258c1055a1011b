#include <png.h>
#include <setjmp.h>
#include <stddef.h>

/// Receives the encoded bytes as libpng produces them.
typedef void (*handout_png_write_fn)(void *closure, const unsigned char *data, size_t length);

struct handout_png_sink {
    handout_png_write_fn write;
    void *closure;
};

static void handout_png_write_data(png_structp png, png_bytep data, size_t length) {
    struct handout_png_sink *sink = (struct handout_png_sink *)png_get_io_ptr(png);
    sink->write(sink->closure, data, length);
}

static void handout_png_flush(png_structp png) { (void)png; }

/// Encodes cairo RGB24 or opaque ARGB32 pixels (B, G, R, X in memory on a little-endian machine)
/// as an 8-bit RGB PNG at zlib `level`, with the Sub filter on every row: a few times faster than
/// cairo's own writer (libpng's defaults try every filter at level 6), for a slightly bigger file.
/// Returns 0, or -1 when libpng fails. libpng reports failure by longjmp, which must never cross
/// Swift frames, so it is caught here, in C.
static inline int handout_png_encode(const unsigned char *pixels, int width, int height, int stride, int level,
                                     handout_png_write_fn write, void *closure) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return -1;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return -1;
    }
    struct handout_png_sink sink = { write, closure };
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -1;
    }
    png_set_write_fn(png, &sink, handout_png_write_data, handout_png_flush);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    for (int y = 0; y < height; y++) png_write_row(png, pixels + (size_t)y * (size_t)stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}
