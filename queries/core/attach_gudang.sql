-- attach_gudang: attaches the warehouse file $path read-only under the name `gudang` (a fresh snapshot). Params: $path.
attach $path as gudang (read_only)
