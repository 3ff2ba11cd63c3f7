package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import org.junit.jupiter.api.Test;

class ActorTest {
    @Test
    void an_actor_is_named_by_an_opaque_user_id() {
        assertThat(Actor.user("u-4711")).isEqualTo(new Actor("u-4711", Actor.Kind.USER));
        assertThat(Actor.system("import").kind()).isEqualTo(Actor.Kind.SYSTEM);
    }

    @Test
    void an_e_mail_address_is_refused_as_an_actors_id_without_being_repeated() {
        assertThatThrownBy(() -> Actor.user("ana@acme.example"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("actor.id");
                    assertThat(e.getMessage()).contains("opaque user id").doesNotContain("ana@acme.example");
                });
    }

    @Test
    void a_blank_or_too_long_id_is_refused() {
        assertThatThrownBy(() -> Actor.user(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Actor.user("x".repeat(101))).isInstanceOf(ValidationException.class);
        assertThat(Actor.user("x".repeat(100)).id()).hasSize(100);
    }
}
