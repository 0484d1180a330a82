-- use_gudang: makes the attached warehouse `gudang` the default catalog of this connection/cursor. No parameters.
use gudang
