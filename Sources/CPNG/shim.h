#include <png.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>

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

/// What went wrong while checking a PNG, for the message beside the handout's line.
struct handout_png_check {
    const unsigned char *data;
    size_t size;
    size_t offset;
    char reason[160];
};

static void handout_png_read_data(png_structp png, png_bytep out, size_t length) {
    struct handout_png_check *check = (struct handout_png_check *)png_get_io_ptr(png);
    if (check->size - check->offset < length) png_error(png, "the file ends early");
    for (size_t i = 0; i < length; i++) out[i] = check->data[check->offset + i];
    check->offset += length;
}

static void handout_png_error(png_structp png, png_const_charp message) {
    struct handout_png_check *check = (struct handout_png_check *)png_get_error_ptr(png);
    size_t i = 0;
    for (; message && message[i] && i + 1 < sizeof check->reason; i++) check->reason[i] = message[i];
    check->reason[i] = 0;
    png_longjmp(png, 1);
}

static void handout_png_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

/// Decodes every row of the PNG in `data` into one scratch row and throws the pixels away, so a
/// damaged or truncated file is found while the handout is read, not halfway through drawing it.
/// Returns 0, or -1 with libpng's reason in `reason` (at most `reason_size` bytes).
static inline int handout_png_verify(const unsigned char *data, size_t size, char *reason, size_t reason_size) {
    // On the heap: what libpng writes into it after setjmp must still be there after the longjmp.
    struct handout_png_check *check = (struct handout_png_check *)calloc(1, sizeof *check);
    if (!check) return -1;
    check->data = data;
    check->size = size;
    const char *fallback = "not a readable PNG";
    for (size_t i = 0; fallback[i]; i++) check->reason[i] = fallback[i];
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, check, handout_png_error, handout_png_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *volatile row = NULL;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        free(row);
        if (png) png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        size_t i = 0;
        for (; check->reason[i] && i + 1 < reason_size; i++) reason[i] = check->reason[i];
        if (reason_size > 0) reason[i] = 0;
        free(check);
        return -1;
    }
    png_set_read_fn(png, check, handout_png_read_data);
    png_read_info(png, info);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    row = (unsigned char *)malloc(png_get_rowbytes(png, info));
    if (!row) png_error(png, "out of memory");
    for (int pass = 0; pass < passes; pass++) {
        for (png_uint_32 y = 0; y < height; y++) png_read_row(png, row, NULL);
    }
    png_read_end(png, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    free(check);
    return 0;
}
