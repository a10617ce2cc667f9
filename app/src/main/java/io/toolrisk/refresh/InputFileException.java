package io.toolrisk.refresh;

import java.io.IOException;

/**
 * A file a refresh was given that cannot be used as it is: a servers file or client config that is not in its format.
 * The message names the file and what is wrong; the command line reports it as a bad input, not as a failed job.
 */
public final class InputFileException extends IOException {
    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
