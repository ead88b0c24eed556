package io.keyward.gateway.apinizer;

import io.keyward.gateway.http.Redactor;
import io.keyward.model.DeploymentResult;
import io.keyward.model.EnvironmentResult;
import io.keyward.model.MutationResult;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Wire DTOs to model records (lists are read by {@link ListReader}). Pure functions. */
final class WireMapper {

    private WireMapper() {
    }

    /** The deployment's messages are server text shown in the results: scrubbed like a failure's. */
    static MutationResult mutation(Wire.MutationDto dto, Redactor redactor) {
        DeploymentResult deployment = null;
        if (dto.deploymentResult() != null) {
            Wire.DeploymentResultDto d = dto.deploymentResult();
            List<EnvironmentResult> envs = d.environmentResults() == null ? List.of()
                    : d.environmentResults().stream()
                    .filter(e -> e != null)
                    .map(e -> new EnvironmentResult(e.environmentName(), Boolean.TRUE.equals(e.success()),
                            redactor.scrub(e.message())))
                    .toList();
            deployment = new DeploymentResult(!Boolean.FALSE.equals(d.success()), redactor.scrub(d.message()), envs);
        }
        // A 200 without "success" is taken at its status code's word.
        return new MutationResult(!Boolean.FALSE.equals(dto.success()), deployment);
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null; // an unreadable expiry is shown as "not set" rather than failing the list
            }
        }
    }
}
