package io.keyward.gateway;

import io.keyward.model.Environment;
import io.keyward.model.Project;

import java.util.List;

/** {@link Capability#ENVIRONMENTS}: where a project's configuration is deployed. */
public interface EnvironmentsApi {
    List<Environment> listEnvironments(Project project);
}
