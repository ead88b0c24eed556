package io.keyward.ui.common;

import io.keyward.gateway.GatewayException;
import io.keyward.session.ErrorText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What a server said when it refused a change made in a dialog that stays open: the sentence (unless
 * the dialog shows it at the field concerned), the lines its problem details add (remedy, fields,
 * causes, request id), and the request id on its own, to copy for the vendor's support.
 */
public final class ServerProblem {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper("");

    public void clear() {
        message.set("");
        details.clear();
        requestId.set("");
    }

    /** Shows the failure; its sentence here only when {@code atField} is false (it is shown at the field then). */
    public void show(Throwable failure, boolean atField) {
        message.set(atField ? "" : ErrorText.sentence(failure));
        details.setAll(ErrorText.details(failure));
        String id = ErrorText.requestId(failure);
        requestId.set(id == null ? "" : id);
    }

    /** The fields the server's problem named (empty when it named none or sent no problem). */
    public static List<String> fields(Throwable failure) {
        return failure instanceof GatewayException g && g.problem() != null ? g.problem().fieldNames() : List.of();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<String> details() {
        return details;
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }
}
