package io.github.cieservlet.tools;

import io.github.cieservlet.tools.cert.CheckCertCommand;
import io.github.cieservlet.tools.cert.KeygenCommand;
import io.github.cieservlet.tools.evidence.ExportEvidenceCommand;
import io.github.cieservlet.tools.evidence.VerifyEvidenceCommand;
import io.github.cieservlet.tools.metadata.CheckMetadataCommand;
import io.github.cieservlet.tools.metadata.MetadataCommand;
import io.github.cieservlet.tools.oidc.CheckEntityConfigurationCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code java -jar cie-servlet-tools.jar <command> [options]}: finds the command, parses its
 * options, runs it and turns every outcome into an exit code ({@link ExitCode}). User errors are one line on
 * standard error; stack traces appear only with {@code --debug}.
 */
public final class Main {

    private static final Option HELP = Option.flag("help", "show this help and exit");
    private static final Option DEBUG = Option.flag("debug", "print stack traces of errors");
    private static final List<Command> COMMANDS = List.of(new KeygenCommand(), new CheckCertCommand(),
            new MetadataCommand(), new CheckMetadataCommand(), new VerifyEvidenceCommand(), new ExportEvidenceCommand(),
            new CheckEntityConfigurationCommand());

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, Env.system(), System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param args the command line: the command name, then its options and operands
     * @param env environment variables and password prompt
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Env env, PrintStream out, PrintStream err) {
        List<String> tokens = new ArrayList<>(Arrays.asList(args));
        boolean debug = tokens.remove("--" + DEBUG.name());
        Logging.configure(debug);
        Output output = new Output(out, err, debug);
        if (tokens.isEmpty() || tokens.get(0).equals("--" + HELP.name()) || tokens.get(0).equals("help")) {
            output.print(overview());
            return tokens.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(tokens.get(0))).findFirst().orElse(null);
        if (command == null) {
            output.error("unknown command '" + tokens.get(0) + "'; run with --help to list the commands", null);
            return ExitCode.USAGE;
        }
        List<String> rest = tokens.subList(1, tokens.size());
        if (rest.contains("--" + HELP.name())) {
            output.print(help(command));
            return ExitCode.OK;
        }
        try {
            return command.run(Args.parse(rest, command.options()), env, output);
        } catch (UsageException e) {
            output.error(e.getMessage() + System.lineSeparator() + "usage: " + usageLine(command)
                    + System.lineSeparator() + "run '" + command.name() + " --help' for details", e);
            return ExitCode.USAGE;
        } catch (ToolException e) {
            output.error(e.getMessage(), e);
            return ExitCode.IO_OR_CONFIG;
        } catch (RuntimeException e) {
            output.error("unexpected " + e + (debug ? "" : " (run again with --debug for details)"), e);
            return ExitCode.INTERNAL;
        }
    }

    private static String overview() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("cie-servlet-tools: key, certificate and SP metadata for the CIE"
                + " federation portal" + nl + nl + "usage: java -jar cie-servlet-tools.jar <command> [options]" + nl
                + nl + "commands:" + nl);
        for (Command command : COMMANDS) {
            text.append(String.format("  %-16s %s%n", command.name(), command.summary()));
        }
        return text.append(nl).append("Every command takes --help and --debug.").append(nl)
                .append(exitCodes()).toString();
    }

    private static String help(Command command) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("usage: " + usageLine(command) + nl + nl + command.summary() + nl
                + nl + "options:" + nl);
        List<Option> options = new ArrayList<>(command.options());
        options.add(HELP);
        options.add(DEBUG);
        for (Option option : options) {
            String name = "--" + option.name() + (option.isFlag() ? "" : " " + option.argument());
            text.append(String.format("  %-28s %s%n", name, option.description()));
        }
        if (!command.notes().isEmpty()) {
            text.append(nl).append(command.notes()).append(nl);
        }
        return text.append(nl).append(exitCodes()).toString();
    }

    private static String usageLine(Command command) {
        return "java -jar cie-servlet-tools.jar " + command.name() + " [options]"
                + (command.operands().isEmpty() ? "" : " " + command.operands());
    }

    private static String exitCodes() {
        String nl = System.lineSeparator();
        return "exit codes: " + ExitCode.OK + " ok, " + ExitCode.CHECK_FAILED + " check failed, " + ExitCode.USAGE
                + " usage error, " + ExitCode.IO_OR_CONFIG + " I/O or configuration error, " + ExitCode.INTERNAL
                + " internal error" + nl;
    }
}
