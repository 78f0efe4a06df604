package io.github.cieservlet.tools.evidence;

import io.github.cieservlet.evidence.ChainVerifier;
import io.github.cieservlet.evidence.EvidenceSource;
import io.github.cieservlet.evidence.EvidenceStoreException;
import io.github.cieservlet.evidence.FileEvidenceSource;
import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.util.List;

/**
 * {@code verify-evidence}: walks the hash chain of an evidence store or export and prints either that it is
 * intact (how many records, from which checkpoint to which head) or the first altered, broken or missing link.
 */
public final class VerifyEvidenceCommand implements Command {

    @Override
    public String name() {
        return "verify-evidence";
    }

    @Override
    public String summary() {
        return "verify the hash chain of the login evidence (directory, export or database)";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public List<Option> options() {
        return EvidenceLocationOptions.OPTIONS;
    }

    @Override
    public String notes() {
        return "Reports the first record whose content does not match its hash (ALTERED), whose previous hash is\n"
                + "not the hash of the record before it (BROKEN_LINK), or that is absent (MISSING), and the hash of\n"
                + "the last record: compare it with the one logged or noted at an earlier verification.\n"
                + "An export by fiscal code holds separate records: each is checked, and the links between neighbours.\n"
                + "Exit code 1 when the chain is not intact.";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        args.operands(0, "no operands");
        EvidenceSource source = EvidenceLocationOptions.open(args, env);
        boolean selection = source instanceof FileEvidenceSource
                && ExportManifest.isSelection(((FileEvidenceSource) source).directory());
        ChainVerifier.Result result;
        try {
            result = selection ? ChainVerifier.verifySelection(source) : ChainVerifier.verify(source);
        } catch (EvidenceStoreException e) {
            throw new ToolException(e.getMessage(), e);
        }
        if (result.intact()) {
            output.println("OK: " + result.checked() + (selection ? " selected" : "") + " records intact, from"
                    + " checkpoint " + result.checkpoint() + " to " + result.last());
            return ExitCode.OK;
        }
        ChainVerifier.Problem problem = result.problem().orElseThrow();
        output.println("FAILED: " + problem);
        output.println("  the " + result.checked() + " records before it are intact, up to " + result.last());
        return ExitCode.CHECK_FAILED;
    }
}
