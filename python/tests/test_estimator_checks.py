"""scikit-learn's own checks of a regressor, run on the estimator with a small reproducible budget."""
from sklearn.utils.estimator_checks import parametrize_with_checks

from conftest import quick


@parametrize_with_checks([quick(generations=4, islands=2, population=40)])
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)
