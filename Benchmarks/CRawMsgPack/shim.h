// The whole of the system msgpack-c's C API (Debian: libmsgpack-dev), for the benchmark's
// raw loops only: `msgpack_sbuffer`, and `msgpack_unpack_next` with the `msgpack_object`
// trees it builds in a zone. Lodum's own CMsgPack module takes msgpack/pack.h alone, and the
// declarations of the headers both include (the packer, msgpack_object and its type
// constants) are found through CMsgPack, so the raw loops import both modules.
#include <msgpack.h>
