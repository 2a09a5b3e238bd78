#!/bin/sh
# Stand-in for the AWS Lambda base image's /lambda-entrypoint.sh: the CMD is the handler
# ("file.export"), handed to the runtime interface client through _HANDLER.
if [ $# -ne 1 ]; then
  echo "entrypoint requires the handler name to be the first argument" 1>&2
  exit 142
fi
export _HANDLER="$1"

RUNTIME_ENTRYPOINT=/var/runtime/bootstrap
if [ -z "${AWS_LAMBDA_RUNTIME_API}" ]; then
  # The real image starts the Runtime Interface Emulator here; the stand-in ships none.
  echo "AWS_LAMBDA_RUNTIME_API is not set: this stand-in base has no runtime interface emulator (use npm run rehearse)" 1>&2
  exit 142
fi
exec "$RUNTIME_ENTRYPOINT"
