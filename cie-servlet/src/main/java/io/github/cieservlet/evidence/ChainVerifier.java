package io.github.cieservlet.evidence;

import java.util.Optional;

/**
 * Checks an evidence chain: every record's hash matches its content (else: altered), each record's previous
 * hash is the hash of the record before it or of the checkpoint (else: broken link), the seqs follow each
 * other from the checkpoint (else: missing records), and the last record is the head the store recorded
 * (else: records missing at the end). Stops at the first problem, which is what an auditor needs first.
 */
public final class ChainVerifier {

    /** What kind of problem was found. */
    public enum ProblemKind {
        /** A record's content does not match its hash. */
        ALTERED,
        /** A record's previous hash is not the hash of the record before it. */
        BROKEN_LINK,
        /** One or more seqs are absent. */
        MISSING,
        /** A record cannot be read at all. */
        UNREADABLE
    }

    /** The first problem of a chain. */
    public static final class Problem {
        private final long seq;
        private final ProblemKind kind;
        private final String message;

        Problem(long seq, ProblemKind kind, String message) {
            this.seq = seq;
            this.kind = kind;
            this.message = message;
        }

        /** @return the seq where the chain first fails */
        public long seq() {
            return seq;
        }

        /** @return the kind of problem */
        public ProblemKind kind() {
            return kind;
        }

        /** @return what is wrong, in words */
        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return kind + " at seq " + seq + ": " + message;
        }
    }

    /** The outcome of a verification. */
    public static final class Result {
        private final long checked;
        private final Checkpoint checkpoint;
        private final ChainLink last;
        private final Problem problem;

        Result(long checked, Checkpoint checkpoint, ChainLink last, Problem problem) {
            this.checked = checked;
            this.checkpoint = checkpoint;
            this.last = last;
            this.problem = problem;
        }

        /** @return how many records were checked */
        public long checked() {
            return checked;
        }

        /** @return the checkpoint the chain starts from */
        public Checkpoint checkpoint() {
            return checkpoint;
        }

        /** @return the last good record (or the checkpoint when there is none) */
        public ChainLink last() {
            return last;
        }

        /** @return the first problem, or empty when the chain is intact */
        public Optional<Problem> problem() {
            return Optional.ofNullable(problem);
        }

        /** @return whether the chain is intact */
        public boolean intact() {
            return problem == null;
        }
    }

    private ChainVerifier() {
    }

    /**
     * Verifies a whole store (or an export of a contiguous range, whose checkpoint is the link before it).
     *
     * @param source the store
     * @return the result
     * @throws EvidenceStoreException when the store cannot be read (an unreadable record is a problem, not this)
     */
    public static Result verify(EvidenceSource source) throws EvidenceStoreException {
        Walk walk = walk(source, true);
        if (walk.problem != null) {
            return walk.result();
        }
        Optional<ChainLink> head = source.head();
        if (head.isPresent() && head.get().seq() != walk.expected.seq()) {
            walk.problem = new Problem(walk.expected.seq() + 1, ProblemKind.MISSING, "the store's head is "
                    + head.get() + " but the last record is " + walk.expected + ": records at the end are missing");
        } else if (head.isPresent() && !head.get().hash().equals(walk.expected.hash())) {
            walk.problem = new Problem(walk.expected.seq(), ProblemKind.ALTERED, "the store's head hash "
                    + head.get().hash() + " is not the last record's hash " + walk.expected.hash());
        }
        return walk.result();
    }

    /**
     * Verifies a selection of records (an export by fiscal code): each record's own hash, and the link between
     * records whose seqs follow each other; gaps are expected and not reported.
     *
     * @param source the export
     * @return the result
     * @throws EvidenceStoreException when the export cannot be read
     */
    public static Result verifySelection(EvidenceSource source) throws EvidenceStoreException {
        return walk(source, false).result();
    }

    private static Walk walk(EvidenceSource source, boolean contiguous) throws EvidenceStoreException {
        Walk walk = new Walk(source.checkpoint(), contiguous);
        try {
            source.forEach(EvidenceQuery.all(), walk::visit);
        } catch (StopWalk stop) {
            // walk.problem says why
        } catch (CorruptEvidenceException e) {
            walk.problem = new Problem(walk.expected.seq() + 1, ProblemKind.UNREADABLE, e.getMessage());
        }
        return walk;
    }

    /** Ends the walk at the first problem. */
    private static final class StopWalk extends EvidenceStoreException {
        private static final long serialVersionUID = 1L;

        StopWalk() {
            super("stop");
        }
    }

    private static final class Walk {
        private final Checkpoint checkpoint;
        private final boolean contiguous;
        private ChainLink expected;
        private long checked;
        private Problem problem;

        Walk(Checkpoint checkpoint, boolean contiguous) {
            this.checkpoint = checkpoint;
            this.contiguous = contiguous;
            this.expected = new ChainLink(checkpoint.seq(), checkpoint.hash());
        }

        void visit(EvidenceRecord record) throws StopWalk {
            long want = expected.seq() + 1;
            if (!record.isIntact()) {
                problem = new Problem(record.seq(), ProblemKind.ALTERED, "the record's content does not match its"
                        + " hash " + record.hash());
            } else if (record.seq() < want) {
                problem = new Problem(record.seq(), ProblemKind.BROKEN_LINK, "seq " + record.seq()
                        + " comes after seq " + expected.seq() + " (duplicated or reordered)");
            } else if (record.seq() > want && contiguous) {
                problem = new Problem(want, ProblemKind.MISSING, "records " + want
                        + (record.seq() - 1 == want ? "" : " to " + (record.seq() - 1)) + " are missing");
            } else if (record.seq() == want && !record.previousHash().equals(expected.hash())) {
                problem = new Problem(record.seq(), ProblemKind.BROKEN_LINK, "its previous hash "
                        + record.previousHash() + " is not the hash " + expected.hash() + " of seq " + expected.seq());
            }
            if (problem != null) {
                throw new StopWalk();
            }
            checked++;
            expected = new ChainLink(record.seq(), record.hash());
        }

        Result result() {
            return new Result(checked, checkpoint, expected, problem);
        }
    }
}
