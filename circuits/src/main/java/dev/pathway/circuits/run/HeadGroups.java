package dev.pathway.circuits.run;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.discover.Circuit;
import dev.pathway.circuits.discover.Role;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.List;

/** Heads named on the command line ({@code 7.9,8.1}) or taken by role from a circuit.json. */
public final class HeadGroups {
    private HeadGroups() {}

    /**
     * @param explicit a comma-separated head list, or null
     * @param circuit a circuit.json, or null
     * @param role the role to take from the circuit
     * @return the heads, or null when neither is given
     */
    public static List<HeadId> resolve(String explicit, Path circuit, Role role, BertConfig config) {
        if (explicit != null && !explicit.isBlank()) {
            return HeadId.parseList(explicit, config);
        }
        if (circuit == null) {
            return null;
        }
        List<HeadId> hs = Circuit.read(circuit).headsWithRole(role);
        for (HeadId h : hs) {
            h.checked(config);
        }
        if (hs.isEmpty()) {
            throw new UserInputException(circuit + " has no " + role.label() + " heads");
        }
        return hs;
    }
}
