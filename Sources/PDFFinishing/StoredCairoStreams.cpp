// cairo 1.16 compresses every stream it writes (page contents, font subsets, pictures) and has
// no switch to stop it. Every PDF Handout delivers then goes through the finishing step, whose
// writer decodes each of those streams and compresses it again: cairo's compression was a fifth
// of a batch's time, thrown away. So zlib's deflateInit_ is interposed here, in the executable:
// a stream cairo opens is stored (zlib level 0, a copy with a checksum), and every other caller
// (qpdf's writer above all) gets the level it asked for. The finished bytes are the same: the
// writer compresses what the finisher rewrites, and the finisher compresses the rest of cairo's
// streams itself at cairo's own level (compressStoredStreams in Finishing.cpp).

#include <dlfcn.h>
#include <zlib.h>

namespace {

using DeflateInit = int (*)(z_streamp, int, const char*, int);

/// zlib's own deflateInit_, the next definition after this one.
DeflateInit zlibDeflateInit() {
    static DeflateInit const real = reinterpret_cast<DeflateInit>(dlsym(RTLD_NEXT, "deflateInit_"));
    return real;
}

/// Where libcairo's mapping starts, found from one of its functions. _dl_find_object (glibc
/// 2.35) rather than dladdr: dladdr also looks for the nearest symbol, a walk through the
/// library's symbol table that cost 1.5 % of a booklet when it ran for every stream.
void* cairoStart() {
    static void* const start = [] {
        dl_find_object found{};
        void* cairo = dlsym(RTLD_DEFAULT, "cairo_version");
        return cairo && _dl_find_object(cairo, &found) == 0 ? found.dlfo_map_start : nullptr;
    }();
    return start;
}

bool isInCairo(void* address) {
    dl_find_object found{};
    return cairoStart() && _dl_find_object(address, &found) == 0 && found.dlfo_map_start == cairoStart();
}

}  // namespace

extern "C" int deflateInit_(z_streamp stream, int level, const char* version, int size) {
    DeflateInit real = zlibDeflateInit();
    if (!real) return Z_VERSION_ERROR;
    return real(stream, isInCairo(__builtin_return_address(0)) ? Z_NO_COMPRESSION : level, version, size);
}
