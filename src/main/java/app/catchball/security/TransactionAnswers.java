package app.catchball.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers to questions about the signed-in user's rights, kept for one read-only transaction: a
 * screen read in one transaction checks the same unit or account many times, and nothing it reads
 * can change the answer meanwhile. Outside a read-only transaction (every write) each question is
 * asked afresh.
 */
final class TransactionAnswers {

    /** The key the current transaction's answers are bound under. */
    private static final Object ANSWERS = new Object();

    private TransactionAnswers() {
    }

    /** The answer given earlier in this read-only transaction, or the one {@code ask} gives now (then kept). */
    @SuppressWarnings("unchecked")
    static <T> T answer(String question, Supplier<T> ask) {
        Map<String, Object> answers = answers();
        if (answers == null) {
            return ask.get();
        }
        T known = (T) answers.get(question);
        if (known == null) {
            known = ask.get();
            answers.put(question, known);
        }
        return known;
    }

    /** Keeps an answer learnt on the way (by a statement that asked something else), if there is a read-only transaction. */
    static void remember(String question, Object answer) {
        Map<String, Object> answers = answers();
        if (answers != null) {
            answers.putIfAbsent(question, answer);
        }
    }

    /** This read-only transaction's answers, or null outside one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        Map<String, Object> answers = (Map<String, Object>) TransactionSynchronizationManager.getResource(ANSWERS);
        if (answers == null) {
            answers = new HashMap<>();
            TransactionSynchronizationManager.bindResource(ANSWERS, answers);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ANSWERS);
                }
            });
        }
        return answers;
    }
}
