//! The one effect hook every component uses. Yew's `use_effect_with` is generic over the
//! dependencies, the effect and its clean-up, so each of its callers brought its own copy of the
//! hook's state, its run-after-render and its drop code (about 0.75 KB of wasm each, besides
//! the effect; issue 26).
//! Here Yew's hook is used once, over boxed dependencies and a boxed effect; what stays per
//! caller is the effect itself and a comparison of its dependencies.

use std::any::Any;

use yew::functional::Hook;
use yew::prelude::*;

/// What an effect leaves to undo before it runs again and when its component goes.
pub type Cleanup = Option<Box<dyn FnOnce()>>;

/// Dependencies of any type, compared with the previous render's.
trait Deps {
    fn same(&self, previous: &dyn Deps) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + 'static> Deps for T {
    fn same(&self, previous: &dyn Deps) -> bool {
        previous.as_any().downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

struct BoxedDeps(Box<dyn Deps>);

impl PartialEq for BoxedDeps {
    fn eq(&self, previous: &Self) -> bool {
        self.0.same(&*previous.0)
    }
}

type BoxedEffect = Box<dyn FnOnce(&dyn Any) -> Cleanup>;

#[hook]
fn use_boxed_effect(deps: BoxedDeps, effect: BoxedEffect) {
    use_effect_with(deps, move |deps| {
        let cleanup = effect(deps.0.as_any());
        move || {
            if let Some(cleanup) = cleanup {
                cleanup();
            }
        }
    });
}

/// Runs `effect` after the first render and after each render whose `deps` differ from the
/// last run's; its clean-up runs before the next run and when the component goes.
pub fn use_effect_when<T: PartialEq + 'static>(
    deps: T,
    effect: impl FnOnce(&T) -> Cleanup + 'static,
) -> impl Hook<Output = ()> {
    use_boxed_effect(
        BoxedDeps(Box::new(deps)),
        Box::new(move |deps: &dyn Any| {
            effect(
                deps.downcast_ref()
                    .expect("the dependencies are the type they were given as"),
            )
        }),
    )
}

/// The clean-up that drops `guard` (listeners, timers): what it holds lasts until then.
pub fn drop_later<G: 'static>(guard: G) -> Cleanup {
    Some(Box::new(move || drop(guard)))
}
